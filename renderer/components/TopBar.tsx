import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FONT_SIZE_MAX, FONT_SIZE_MIN } from '../db/records';
import { navigate } from '../hooks/useRoute';
import type { SettingsApi } from '../hooks/useSettings';
import { onMenuCommand } from '../platform';
import type { Route } from '../routing/hash';
import { setShortcutsOpen } from '../annotations/ShortcutsDialog';

export function TopBar({ route, settings }: { route: Route; settings: SettingsApi }) {
  const routeQuery = route.name === 'search' || route.name === 'doc' ? route.query : '';
  const [q, setQ] = useState(routeQuery);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setQ(routeQuery), [routeQuery]);
  // In the reading view 查找 opens find-in-document instead (ReaderView).
  const reading = route.name === 'doc';
  useEffect(() => onMenuCommand((c) => c === 'find' && !reading && input.current?.focus()), [reading]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate({ name: 'search', query: q.trim() });
  };
  const { theme, fontSize } = settings.settings;

  return (
    <header className="topbar">
      <a className="brand" href="#/">
        政策阅读器
      </a>
      {/* The search page has its own box (with its options): one box there, not two holding the same words. */}
      {route.name === 'search' ? (
        <span className="searchbox" />
      ) : (
        <form className="searchbox" role="search" onSubmit={submit}>
          <input ref={input} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="搜索政策全文" aria-label="搜索政策全文" />
        </form>
      )}
      <nav className="topnav" aria-label="标注">
        <a href="#/annotations" aria-current={route.name === 'annotations' ? 'page' : undefined}>
          我的标注
        </a>
        <button type="button" onClick={() => setShortcutsOpen(true)} title="快捷键（?）">
          快捷键
        </button>
      </nav>
      <div className="prefs" role="group" aria-label="阅读设置">
        <button type="button" onClick={() => settings.setFontSize(fontSize - 1)} disabled={fontSize <= FONT_SIZE_MIN} aria-label="减小字号" title="减小字号">
          A−
        </button>
        <span className="font-size" data-testid="font-size" aria-live="polite">
          {fontSize}
        </span>
        <button type="button" onClick={() => settings.setFontSize(fontSize + 1)} disabled={fontSize >= FONT_SIZE_MAX} aria-label="增大字号" title="增大字号">
          A+
        </button>
        <button type="button" className="theme-toggle" onClick={() => settings.setTheme(theme === 'dark' ? 'light' : 'dark')} aria-pressed={theme === 'dark'} title="切换深色/浅色主题">
          {theme === 'dark' ? '浅色' : '深色'}
        </button>
      </div>
    </header>
  );
}
