// Shows each check-in slider's number beside it as the client moves it. The page works
// without this file; the number is then shown after sending.
document.addEventListener("input", (event) => {
  const slider = event.target;
  if (!(slider instanceof HTMLInputElement) || slider.type !== "range") return;
  const shown = document.querySelector(`output[for="${slider.id}"]`);
  if (shown) shown.textContent = slider.value;
});

// On the client's first visit, a slider never moved still sits at the middle, and a 5 sent by
// a quick tap on "Send" reads like a real, middling answer (four of them make a low check-in).
// So the first "Send" with a slider untouched asks once; a second "Send" goes through.
const moved = new WeakSet();
document.addEventListener("input", (event) => moved.add(event.target));
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-ask-untouched")) return;
  const still = [...form.querySelectorAll('input[type="range"]')].filter((s) => !moved.has(s));
  const note = form.querySelector(".untouched-note");
  if (!still.length || !note) return;
  event.preventDefault();
  form.removeAttribute("data-ask-untouched");
  const count = still.length === 1 ? "One slider has" : `${still.length} sliders have`;
  note.textContent = `${count} not been moved and still say ${still[0].value}. ` +
    "Move each to your answer, or press Send again if that is your answer.";
  note.hidden = false;
  still[0].focus();
});
