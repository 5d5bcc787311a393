"""One module per family of formats; each turns lines (or JSON text) into segments or turns."""
