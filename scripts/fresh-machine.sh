#!/usr/bin/env bash
# Runs a command as on a fresh machine that has Node and a C++ toolchain but
# no browser (Chromium, Chrome, Edge), no poppler-utils and no Japanese
# fonts, without uninstalling anything: in a private mount namespace (root,
# `unshare -m`), /usr/bin gets an overlay whose upper layer holds a whiteout
# for each of those programs, and an empty read-only tmpfs covers Chromium's
# own folders and every folder holding a font that covers Japanese.
# The mounts live only as long as the command: nothing changes outside it.
#   bash scripts/fresh-machine.sh npx vitest run test/e2e
set -euo pipefail

if [ -z "${KIROKU_FRESH_MACHINE_SCRATCH:-}" ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; then
    echo "fresh-machine.sh needs root and unshare (util-linux) to hide programs for one command." >&2
    exit 1
  fi
  scratch=$(mktemp -d)
  status=0
  unshare --mount --propagation private env KIROKU_FRESH_MACHINE_SCRATCH="$scratch" bash "$0" "$@" || status=$?
  rmdir "$scratch"
  exit "$status"
fi
scratch=$KIROKU_FRESH_MACHINE_SCRATCH
unset KIROKU_FRESH_MACHINE_SCRATCH

programs=(chromium chromium-browser google-chrome google-chrome-stable microsoft-edge microsoft-edge-stable
  pdftotext pdffonts pdfinfo pdftoppm pdfimages pdftocairo)
folders=(/usr/lib/chromium /opt/google /opt/microsoft)
if command -v fc-list >/dev/null; then
  while IFS= read -r folder; do folders+=("$folder"); done < <(fc-list :lang=ja file | sed 's/: *$//' | xargs -r -n1 dirname | sort -u)
fi

mount -t tmpfs tmpfs "$scratch"
mkdir "$scratch/upper" "$scratch/work"
for program in "${programs[@]}"; do
  if [ -e "/usr/bin/$program" ] || [ -L "/usr/bin/$program" ]; then mknod "$scratch/upper/$program" c 0 0; fi
done
mount -t overlay overlay -o "lowerdir=/usr/bin,upperdir=$scratch/upper,workdir=$scratch/work" /usr/bin
for folder in "${folders[@]}"; do
  if [ -d "$folder" ]; then mount -t tmpfs -o ro,size=4k tmpfs "$folder"; fi
done

# Say what is hidden, and refuse to run if anything is still there.
for program in "${programs[@]}"; do
  if command -v "$program" >/dev/null; then
    echo "fresh-machine.sh: $program is still found ($(command -v "$program"))" >&2
    exit 1
  fi
done
if command -v fc-list >/dev/null && [ -n "$(fc-list :lang=ja)" ]; then
  echo "fresh-machine.sh: Japanese fonts are still found: $(fc-list :lang=ja file | head -3)" >&2
  exit 1
fi
echo "fresh-machine.sh: hidden: ${programs[*]}; folders: ${folders[*]}" >&2
exec "$@"
