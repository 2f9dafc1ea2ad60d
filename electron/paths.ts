/**
 * Where things are, in development (`npm start`, app path = repository root)
 * and packaged (app path = resources/app.asar; corpus shipped as
 * extraResources next to it).
 */
import path from 'node:path';

export interface AppPaths {
  rendererRoot: string;
  corpusRoot: string;
  preload: string;
  /** Window icon in development (packaged builds use the OS-level icon). */
  icon?: string;
}

export interface PathInputs {
  isPackaged: boolean;
  /** app.getAppPath() */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
  /** Directory of the built main.cjs (its __dirname). */
  mainDir: string;
  env?: Record<string, string | undefined>;
}

export function resolveAppPaths({ isPackaged, appPath, resourcesPath, mainDir, env = {} }: PathInputs): AppPaths {
  const paths: AppPaths = {
    rendererRoot: path.join(appPath, 'dist', 'renderer'),
    corpusRoot: isPackaged ? path.join(resourcesPath, 'corpus') : path.join(appPath, 'resources', 'corpus'),
    preload: path.join(mainDir, 'preload.cjs'),
  };
  if (!isPackaged) {
    paths.icon = path.join(appPath, 'build', 'icon.png');
    // Development/test only: point at another corpus (e.g. e2e/fixtures/corpus).
    if (env.POLICY_READER_CORPUS) paths.corpusRoot = path.resolve(env.POLICY_READER_CORPUS);
  }
  return paths;
}

/** Development/test only: a throw-away profile directory (e2e tests). */
export function userDataOverride(isPackaged: boolean, env: Record<string, string | undefined>): string | null {
  return !isPackaged && env.POLICY_READER_USER_DATA ? path.resolve(env.POLICY_READER_USER_DATA) : null;
}
