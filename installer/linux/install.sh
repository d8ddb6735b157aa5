#!/bin/sh
# counsel_desk on Linux: add (or remove) the menu entry, icons and the `counsel-desk` command for the
# counsel_desk folder this script sits in. The program itself needs no installing: it runs from
# wherever the tarball was unpacked (e.g. /opt/counsel_desk).
#
#   sudo ./install.sh                 all users: /usr/local/share/applications, icons, /usr/local/bin
#   ./install.sh --user               this user only: ~/.local/share/applications, icons, ~/.local/bin
#   sudo ./install.sh --uninstall     remove the entry, icons and command again (add --user if
#                                     installed with --user). The data folder is never touched:
#                                     ~/.local/share/counsel_desk (database, backups, attachments).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
mode=install
scope=system
for arg in "$@"; do
    case "$arg" in
        --user) scope=user ;;
        --uninstall) mode=uninstall ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    esac
done

if [ "$scope" = user ]; then
    share="${XDG_DATA_HOME:-$HOME/.local/share}"
    bin="$HOME/.local/bin"
else
    share=/usr/local/share
    bin=/usr/local/bin
fi
apps="$share/applications"
icons="$share/icons/hicolor"
sizes="16 24 32 48 64 128 256"

if [ "$mode" = uninstall ]; then
    rm -f "$apps/counsel_desk.desktop" "$bin/counsel-desk" "$icons/scalable/apps/counsel_desk.svg"
    for s in $sizes; do rm -f "$icons/${s}x${s}/apps/counsel_desk.png"; done
else
    [ -x "$here/counsel_desk" ] || { echo "install.sh: $here/counsel_desk not found" >&2; exit 1; }
    res="$here/_internal/resources/icons"
    mkdir -p "$apps" "$bin" "$icons/scalable/apps"
    for s in $sizes; do
        mkdir -p "$icons/${s}x${s}/apps"
        cp "$res/counsel_desk_${s}.png" "$icons/${s}x${s}/apps/counsel_desk.png"
    done
    cp "$res/counsel_desk.svg" "$icons/scalable/apps/counsel_desk.svg"
    # The entry starts the program where it really is, not where the template assumed.
    sed "s|^Exec=.*|Exec=\"$here/counsel_desk\"|" "$here/counsel_desk.desktop" > "$apps/counsel_desk.desktop"
    chmod 644 "$apps/counsel_desk.desktop"
    ln -sf "$here/counsel_desk" "$bin/counsel-desk"
fi

# Refresh the menu and icon caches where the tools exist (not every desktop has them).
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
echo "counsel_desk: ${mode} done ($scope)"
