function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The explanation page: the Markdown as rendered by VS Code's Markdown extension when it is there, else
 * the Markdown text itself with its command links made clickable. No scripts; only command links.
 */
export function explanationHtml(markdown: string, rendered: string | undefined): string {
  const body =
    rendered ??
    `<pre>${escapeHtml(markdown).replace(/\[([^\]]+)\]\((command:[^)\s]+)\)/g, (_match, title: string, href: string) => `<a href="${href}">${title}</a>`)}</pre>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">`,
    '<style>body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); line-height: 1.5; } code { font-family: var(--vscode-editor-font-family); } pre { white-space: pre-wrap; }</style>',
    '</head><body>',
    body,
    '</body></html>',
  ].join('\n');
}
