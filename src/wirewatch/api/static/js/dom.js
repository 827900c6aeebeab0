// Building DOM and SVG nodes. Every piece of data from the store (article text, titles,
// names, URLs) goes in through textContent or setAttribute on attributes that are never
// executed; nothing here ever assigns innerHTML, so an article's "<script>" stays text.

const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key.startsWith("on")) throw new Error(`refusing a non-function ${key} attribute`);
    else node.setAttribute(key, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// A link for an untrusted URL: only http(s) URLs become links (never javascript: or data:).
export function safeLink(url, label) {
  let parsed = null;
  try { parsed = new URL(url); } catch (_) { parsed = null; }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) return el("span", { class: "url", text: label || url || "" });
  return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank", class: "url", text: label || parsed.href });
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function fmt(n) {
  return typeof n === "number" ? n.toLocaleString("en-GB") : String(n ?? "");
}

export function tooltip(node, text) {
  node.append(svg("title", { text }));
  return node;
}
