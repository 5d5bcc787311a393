// "Copy the link" beside a client's private link (check-ins, agreements): one press instead of
// selecting a long address by hand (fiddly on a phone). A page marks the button
// data-copy="<id of the field>". Without this file the button stays hidden and the field, which
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
