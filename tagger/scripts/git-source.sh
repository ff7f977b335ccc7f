# Sourced by the fetch scripts: git_dir_of SOURCE prints a git directory holding SOURCE's history, the directory
# itself when SOURCE is a local clone or bare mirror, else a fresh bare clone of the URL in a temporary folder.
git_dir_of() {
  if [ -d "$1" ]; then
    echo "$1"
  else
    local dir
    dir="$(mktemp -d)/source.git"
    git clone -q --bare "$1" "$dir"
    echo "$dir"
  fi
}
