// Autocomplete on the indicator edit form: a chosen suggestion is appended to its field.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-autocomplete-value]") : null;
  if (!button) return;
  const box = button.closest(".autocomplete");
  const lookup = box ? box.querySelector("[data-autocomplete-target]") : null;
  const field = lookup ? document.getElementById(lookup.dataset.autocompleteTarget) : null;
  if (!field) return;
  const value = button.dataset.autocompleteValue;
  if (button.dataset.autocompleteKind === "sdg") {
    const text = field.value.trim();
    field.value = (text ? text + "\n" : "") + value + " identical";
  } else {
    const parts = field.value.split(/[,\s]+/).filter(Boolean);
    if (!parts.includes(value)) parts.push(value);
    field.value = parts.join(", ");
  }
  lookup.value = "";
  const list = box.querySelector("[aria-live]");
  if (list) list.textContent = "";
  field.focus();
});
