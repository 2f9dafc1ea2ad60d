export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <div className="notice" role="status">
      {label}
    </div>
  );
}

export function LoadError({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div className="notice error" role="alert">
      <p>无法加载：{message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          重试
        </button>
      )}
      <a href="#/">返回文库</a>
    </div>
  );
}
