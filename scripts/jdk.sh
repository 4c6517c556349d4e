# Sourced by ./rootline and .ci/run: pick a JDK >= 21 so nobody has to set one up.
# Order: $JAVA_HOME, then `java` on PATH, then the newest under /usr/lib/jvm.

rootline_java_major() { # JAVA_BIN -> major version, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in 1.*) echo 0 ;; '') echo 0 ;; *) echo "${v%%.*}" ;; esac
}

rootline_find_jdk() { # sets JAVA_HOME to a JDK >= 21 or returns 1
  local candidate bin
  for candidate in "${JAVA_HOME:-}" "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
                   $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    bin="$candidate/bin/java"
    [ -n "$candidate" ] && [ -x "$bin" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(rootline_java_major "$bin")" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "rootline: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. Temurin 21+, and set JAVA_HOME." >&2
  return 1
}
