// A small element builder: text goes in as text (never as HTML), so what the data
// holds cannot become markup.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = String(v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: HTMLElement, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "number" ? String(c) : c);
  }
}

/**
 * The search excerpt: HTML-escaped text with matches in <mark>…</mark>, as the API
 * documents. It is parsed inert and rebuilt from its text and mark elements only.
 */
export function excerpt(html: string): DocumentFragment {
  const t = document.createElement("template");
  t.innerHTML = html;
  const out = document.createDocumentFragment();
  const walk = (n: Node, into: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === Node.TEXT_NODE) into.appendChild(document.createTextNode(c.textContent ?? ""));
      else if (c instanceof Element && c.tagName === "MARK") into.appendChild(h("mark", {}, c.textContent ?? ""));
      else walk(c, into);
    }
  };
  walk(t.content, out);
  return out;
}

export function plural(n: number, one: string, many = one + "s"): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
