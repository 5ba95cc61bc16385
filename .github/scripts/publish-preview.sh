#!/usr/bin/env bash
# CI only (.github/workflows/ci.yml): put a pull request's built site on the gh-pages
# branch under pr-preview/pr-NUMBER/, where GitHub Pages serves it, or remove it when
# the pull request is closed. Only git is used: the site becomes a tree and is grafted
# into gh-pages in a scratch index, so the checkout and its index are never touched.
#
#   publish-preview.sh publish NUMBER SITE_DIR
#   publish-preview.sh remove  NUMBER
#
# REMOTE (default origin) and BRANCH (default gh-pages) can be set for tests.
set -euo pipefail
action=${1:?publish or remove} number=${2:?pull request number} site=${3:-}
[[ $number =~ ^[0-9]+$ ]] || { echo "error: pull request number must be digits, got '$number'" >&2; exit 2; }
remote=${REMOTE:-origin} branch=${BRANCH:-gh-pages}
folder="pr-preview/pr-$number"
repo=$(git rev-parse --absolute-git-dir)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export GIT_INDEX_FILE="$scratch/index"
git config user.name >/dev/null || git config user.name "github-actions[bot]"
git config user.email >/dev/null || git config user.email "41898282+github-actions[bot]@users.noreply.github.com"

parent=()
if git fetch --quiet "$remote" "refs/heads/$branch" 2>/dev/null; then
  parent=(-p "$(git rev-parse FETCH_HEAD)")
  git read-tree FETCH_HEAD
else
  git read-tree --empty
fi
git rm -r -q --cached --ignore-unmatch -- "$folder"

case $action in
  publish)
    [[ -f $site/index.html ]] || { echo "error: $site/index.html not found: build the site first" >&2; exit 2; }
    site_tree=$(cd "$site" && GIT_INDEX_FILE="$scratch/site-index" git --git-dir="$repo" --work-tree=. add -A . \
                && GIT_INDEX_FILE="$scratch/site-index" git --git-dir="$repo" write-tree)
    git read-tree --prefix="$folder/" "$site_tree"
    message="Preview of pull request #$number"
    ;;
  remove)
    message="Remove the preview of pull request #$number"
    ;;
  *) echo "error: unknown action '$action' (publish or remove)" >&2; exit 2 ;;
esac

# GitHub Pages must serve the files as they are (no Jekyll).
git update-index --add --cacheinfo "100644,$(git hash-object -w --stdin </dev/null),.nojekyll"
tree=$(git write-tree)
if [[ ${#parent[@]} -gt 0 && $tree == "$(git rev-parse "${parent[1]}^{tree}")" ]]; then
  echo "gh-pages already up to date for pull request #$number"
  exit 0
fi
commit=$(git commit-tree "$tree" "${parent[@]}" -m "$message")
git push --quiet "$remote" "$commit:refs/heads/$branch"
echo "$message: $branch $commit, folder $folder/"
