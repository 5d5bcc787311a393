// "Copy the link" beside the private link: one press instead of selecting a long address by
// hand (fiddly on a phone). Without this file the button stays hidden and the field, which
// selects itself when tapped, is still there to copy from.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const field = document.getElementById(button.dataset.copy);
  if (!field) continue;
  button.hidden = false;
  field.addEventListener("focus", () => field.select());
  button.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Selected: copy it with your device's copy command";
    }
  });
}
