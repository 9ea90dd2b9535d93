#!/bin/sh
# Installs govdraft from this unpacked folder, with no network: copies it to PREFIX/lib/govdraft and
# links PREFIX/bin/govdraft. PREFIX: --prefix DIR, else /usr/local for root, else ~/.local.
# Upgrading runs the same script; data directories (GOVDRAFT_DATA_DIR) are never touched.
set -eu
here=$(dirname "$(readlink -f "$0")")
if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) echo "用法：./install.sh [--prefix 目录]（默认：root 为 /usr/local，其他用户为 ~/.local）"; exit 0 ;;
    *) echo "错误：未知参数 $1" >&2; exit 2 ;;
  esac
done
if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
  echo "错误：此安装包只适用于 x86-64 Linux（当前为 $(uname -s) $(uname -m)）" >&2
  exit 2
fi
target="$prefix/lib/govdraft"
mkdir -p "$prefix/lib" "$prefix/bin"
rm -rf "$target.new"
cp -R "$here" "$target.new"
rm -rf "$target"
mv "$target.new" "$target"
ln -sf "$target/bin/govdraft" "$prefix/bin/govdraft"
"$prefix/bin/govdraft" --version >/dev/null
echo "govdraft 已安装到 $target"
echo "命令：$prefix/bin/govdraft（若不在 PATH 中，请把 $prefix/bin 加入 PATH）"
echo "试一试：govdraft check \"$target/corpus/reports/甘泉路街道2016年工作总结.txt\" --ledger \"$target/corpus/ledgers/ganquan-2016.csv\" --quiet"
