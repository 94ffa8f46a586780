# Sourced by ../mvnw (POSIX sh). Async Playground needs a JDK 21 or newer (virtual threads): when
# JAVA_HOME, or else the `java` on PATH, is older, pick the newest JDK >= 21 installed in the usual
# places and say so; when there is none, say in one line what to install and stop.
# On JDK 23+ it also lets Maven's own libraries use sun.misc.Unsafe quietly (Guice, Guava).

apg_min_java=21

# The feature version (17, 21, 25, ...) of the JDK at $1, read from its release file; 0 if none.
apg_jdk_major() {
  apg_v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1)
  apg_v=${apg_v#1.}
  apg_v=${apg_v%%.*}
  echo "${apg_v:-0}"
}

apg_current_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    echo "$JAVA_HOME"
  elif command -v java >/dev/null 2>&1; then
    apg_java=$(readlink -f "$(command -v java)")
    dirname "$(dirname "$apg_java")"
  fi
}

apg_newest_jdk() {
  apg_best="" apg_best_major=0
  set +f
  # APG_JDK_SEARCH (patterns, space separated) replaces the usual places; the tests use it.
  for apg_jdk in ${APG_JDK_SEARCH:-/usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* \
      ${HOME-/root}/.sdkman/candidates/java/* ${HOME-/root}/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home}; do
    [ -x "$apg_jdk/bin/javac" ] || continue
    apg_major=$(apg_jdk_major "$apg_jdk")
    if [ "$apg_major" -gt "$apg_best_major" ]; then
      apg_best=$apg_jdk apg_best_major=$apg_major
    fi
  done
  set -f
  echo "$apg_best"
}

apg_jdk=$(apg_current_jdk)
apg_major=0
[ -z "$apg_jdk" ] || apg_major=$(apg_jdk_major "$apg_jdk")
if [ "$apg_major" -lt "$apg_min_java" ]; then
  apg_found=$(apg_newest_jdk)
  if [ -z "$apg_found" ] || [ "$(apg_jdk_major "$apg_found")" -lt "$apg_min_java" ]; then
    apg_have="only Java $apg_major at $apg_jdk"
    [ -n "$apg_jdk" ] || apg_have="no Java"
    echo "Async Playground needs a JDK $apg_min_java or newer, and this machine has $apg_have. Install a JDK $apg_min_java+ (e.g. Temurin 21 or 25) and run this command again." >&2
    exit 1
  fi
  apg_old="Java $apg_major at $apg_jdk"
  [ -n "$apg_jdk" ] || apg_old="missing"
  apg_major=$(apg_jdk_major "$apg_found")
  echo "mvnw: using JDK $apg_major at $apg_found (the default, $apg_old, is too old; set JAVA_HOME to choose)" >&2
  JAVA_HOME=$apg_found
  export JAVA_HOME
fi
if [ "$apg_major" -ge 23 ]; then
  case " ${MAVEN_OPTS-} " in
  *" --sun-misc-unsafe-memory-access="*) ;;
  *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
  esac
fi
