# Sourced by ./rootline, ./run-tests and .ci/run: the report's charts (JFreeChart) need fontconfig and a font;
# a fresh Debian machine has neither.
rootline_has_fonts() {
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi dejavu
}

# For the test command and CI only: installs the fonts when it can (as root, with apt-get), says so when not.
# The launcher never installs anything; see rootline_fonts_note.
rootline_ensure_fonts() {
  rootline_has_fonts && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "rootline: installing fonts for report charts (fontconfig, fonts-dejavu-core)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends fontconfig fonts-dejavu-core; } >/dev/null 2>&1 && return 0
  fi
  echo "rootline: report charts need fonts: install fontconfig and fonts-dejavu-core (Debian/Ubuntu)" >&2
  return 1
}

# For the launcher: one line when a command that draws charts will have to leave them out.
rootline_fonts_note() {
  rootline_has_fonts && return 0
  echo "rootline: no fonts for the report charts; reports are written without them." \
       "To get them: sudo apt-get install -y fontconfig fonts-dejavu-core" >&2
}
