// A small, safe Markdown renderer for the bot's replies: HTML is escaped FIRST, then a few constructs are
// turned into tags (paragraphs, lists, pipe tables, bold, italics, code, citation markers [n]). No links, no raw HTML.
"use strict";

const MuseMarkdown = (() => {
  const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");

  // Inline constructs on already-escaped text.
  function inline(escaped, citationCount) {
    const codes = [];
    let s = escaped.replace(/`([^`]+)`/g, (_, c) => { codes.push(c); return `\u0000${codes.length - 1}\u0000`; });
    s = s.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
    s = s.replace(/(^|[\s(])_([^_]+)_(?=[\s).,;:!?]|$)/g, "$1<em>$2</em>");
    s = s.replace(/\[(\d{1,2})\]/g, (m, n) => Number(n) >= 1 && Number(n) <= citationCount
      ? `<sup class="cite" data-n="${n}">[${n}]</sup>` : m);
    return s.replace(/\u0000(\d+)\u0000/g, (_, i) => `<code>${codes[Number(i)]}</code>`);
  }

  const isFlag = (line) => /^(\*\*)?\u26a0/.test(line.trim());
  const isTableRow = (line) => /^\s*\|.*\|\s*$/.test(line);
  const isDivider = (line) => /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line);
  const cells = (line) => line.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));

  function render(markdown, citationCount = 0) {
    const lines = escapeHtml(markdown.replace(/\r\n?/g, "\n")).split("\n");
    const out = [];
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (!line.trim()) { i++; continue; }
      if (isFlag(line)) {
        out.push(`<div class="flag" role="note">${inline(line.trim().replace(/^\*\*(.*)\*\*$/, "$1"), citationCount)}</div>`);
        i++;
      } else if (isTableRow(line) && i + 1 < lines.length && isDivider(lines[i + 1])) {
        const head = cells(line).map((c) => `<th>${inline(c, citationCount)}</th>`).join("");
        const rows = [];
        i += 2;
        while (i < lines.length && isTableRow(lines[i])) {
          rows.push(`<tr>${cells(lines[i]).map((c) => `<td>${inline(c, citationCount)}</td>`).join("")}</tr>`);
          i++;
        }
        out.push(`<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`);
      } else if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
        const ordered = /^\s*\d+\./.test(line);
        const items = [];
        while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i])) {
          items.push(`<li>${inline(lines[i].replace(/^\s*([-*]|\d+\.)\s+/, ""), citationCount)}</li>`);
          i++;
        }
        out.push(ordered ? `<ol>${items.join("")}</ol>` : `<ul>${items.join("")}</ul>`);
      } else {
        const para = [];
        while (i < lines.length && lines[i].trim() && !isFlag(lines[i]) && !isTableRow(lines[i]) && !/^\s*([-*]|\d+\.)\s+/.test(lines[i])) {
          para.push(lines[i].trim());
          i++;
        }
        out.push(`<p>${inline(para.join("<br>"), citationCount)}</p>`);
      }
    }
    return out.join("");
  }

  return { render, escapeHtml };
})();
