# Sourced by ./run-tests and .ci/run: the AWS pull tests start their own moto_server on 127.0.0.1.
# moto 5 ships with this machine image under pyenv (not apt; PyPI is unreachable), so find it there.
rootline_find_moto() {
  if ! command -v moto_server >/dev/null 2>&1 && [ -x "$HOME/.pyenv/shims/moto_server" ]; then
    export PATH="$HOME/.pyenv/shims:$PATH"
  fi
  moto_server --help >/dev/null 2>&1
}
