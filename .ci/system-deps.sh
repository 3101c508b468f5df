#!/usr/bin/env bash
# Install what the browser, validity and publication tests need beyond Python: Debian's Chromium
# (Playwright drives it; never `playwright install`), fonts with full Vietnamese coverage, Java for
# the Nu Html Checker, poppler for PDF checks, HarfBuzz subsetting for WeasyPrint fonts, and the pinned Node tools from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-core fonts-liberation2 fonts-dejavu-core poppler-utils libharfbuzz-subset0)
command -v java >/dev/null || packages+=(default-jre-headless)
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "system-deps: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "system-deps: missing Debian packages: ${missing[*]}" >&2
    echo "system-deps: install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# Node tools, exactly as locked; the lock file is the only input. Install scripts stay off.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
echo "system-deps: ready (chromium $(chromium --version 2>/dev/null | awk '{print $2}'), java, node tools)"
