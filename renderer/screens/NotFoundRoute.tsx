export function NotFoundRoute() {
  return (
    <div className="notice">
      <p>找不到这个页面。</p>
      <a href="#/">返回文库</a>
    </div>
  );
}
