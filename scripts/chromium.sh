# Sourced by ./run-tests and .ci/run: serve's browser tests drive Debian's chromium through its chromedriver
# (Selenium is pointed at both; nothing is downloaded at test time).
rootline_has_chromium() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
}

# Installs them when missing and possible (as root, with apt-get), quietly; says so when not. Without them the
# browser tests skip with a message, except under CI (CI=true), where they fail.
rootline_ensure_chromium() {
  rootline_has_chromium && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "rootline: installing chromium and chromium-driver for the browser tests..." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver; } >/dev/null 2>&1 \
      && rootline_has_chromium && return 0
  fi
  echo "rootline: the browser tests need chromium and chromium-driver (Debian: apt-get install -y chromium chromium-driver)" >&2
  return 1
}
