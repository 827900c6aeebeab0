// Sortable tables: a click on a column header sorts the rows shown by that column (numbers as
// numbers, text as text; a cell's data-sort wins over its text), a second click reverses it.
// It sorts the page in view; the pager and the download keep the listing's own order.

function value(cell) {
  const raw = cell?.dataset.sort ?? cell?.textContent.trim() ?? "";
  const number = Number(raw.replace(/,/g, ""));
  return raw !== "" && Number.isFinite(number) ? number : raw.toLowerCase();
}

export function sortable(table) {
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((th, column) => {
    if (!th.textContent.trim()) return;
    th.classList.add("sortable");
    th.tabIndex = 0;
    th.title = "sort by this column";
    const sort = () => {
      const descending = th.getAttribute("aria-sort") === "ascending";
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      const body = table.tBodies[0];
      const rows = [...body.rows];
      rows.sort((a, b) => {
        const x = value(a.cells[column]), y = value(b.cells[column]);
        const order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
        return descending ? -order : order;
      });
      body.append(...rows);
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); } });
  });
  return table;
}
