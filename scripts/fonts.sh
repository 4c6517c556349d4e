# Sourced by ./rootline, ./run-tests and .ci/run: the report's charts (JFreeChart) and PDF need
# fontconfig and a font; a fresh Debian machine has neither. Install them when we can, say so when not.
rootline_ensure_fonts() {
  if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi dejavu; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "rootline: installing fonts for report charts (fontconfig, fonts-dejavu-core)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends fontconfig fonts-dejavu-core; } >/dev/null 2>&1 && return 0
  fi
  echo "rootline: report charts need fonts: install fontconfig and fonts-dejavu-core (Debian/Ubuntu)" >&2
  return 1
}
