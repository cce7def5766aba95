// Marks the heat-map cell whose links are shown below the table.
document.addEventListener("htmx:beforeRequest", (event) => {
  const link = event.detail.elt;
  if (!link.closest || !link.closest("#heatmap")) return;
  document.querySelectorAll("#heatmap [aria-current]").forEach((cell) => cell.removeAttribute("aria-current"));
  link.setAttribute("aria-current", "true");
});
