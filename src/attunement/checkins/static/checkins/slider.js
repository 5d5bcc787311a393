// Shows each check-in slider's number beside it as the client moves it. The page works
// without this file; the number is then shown after sending.
document.addEventListener("input", (event) => {
  const slider = event.target;
  if (!(slider instanceof HTMLInputElement) || slider.type !== "range") return;
  const shown = document.querySelector(`output[for="${slider.id}"]`);
  if (shown) shown.textContent = slider.value;
});
