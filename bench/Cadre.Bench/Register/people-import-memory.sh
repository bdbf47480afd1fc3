#!/usr/bin/env bash
# Peak memory of `cadre import people` on 50,000 and 200,000 people (docs/benchmarks.md, Register).
# Usage: bench/Cadre.Bench/Register/people-import-memory.sh CADRE_DLL [CADRE_DLL...]
#   each CADRE_DLL is a Release build of the program (e.g. .cadre/bin/cadre.dll, or one built from an older commit with
#   `git archive COMMIT | tar -x -C DIR && dotnet build DIR/src/Cadre.Cli -c Release -o OUT`).
# Each run imports into a fresh SQLite database holding one organisation and 2,000 posts, under /usr/bin/time -v.
set -euo pipefail
work="$(mktemp -d /tmp/cadre-people-bench.XXXX)"
first="$1"
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
random.seed(42)
with open(f"{work}/posts.csv", "w") as f:
    f.write("Post Number,Title,Department,Science Theme,Pay Band,Funded WTE,Status\n")
    for i in range(1, 2001):
        f.write(f"BP{i:05d},Clinical Scientist {i%97},Bench Department {i%40},H,{random.choice(['5','6','7','8a'])},1.00,Funded\n")
progs = ['STP', 'PTP', 'HSST']
for rows, name in ((50_000, "people50k.csv"), (200_000, "people200k.csv")):
    with open(f"{work}/{name}", "w") as f:
        f.write("Staff Number,Given Name,Family Name,Year of Birth,Post Number,Assignment WTE,Assignment Start,Registration,Registration Number,Registration Expiry,Certificates,Training Programme,Training Specialism,Training Start,Training Expected End\n")
        for i in range(1, rows + 1):
            reg = f"HCPC Clinical Scientist,CS{i:06d},2027-05-31" if i % 3 == 0 else ",,"
            cert = f"MPE:MPE-{i}:2028-01-31" if i % 50 == 0 else ""
            tr = f"{progs[i%3]},Radiotherapy Physics,2024-09-01,2027-08-31" if i % 10 == 0 else ",,,"
            f.write(f"E{i:07d},Given{i},Family{i%5000},{1960+i%40},BP{(i%2000)+1:05d},{'0.60' if i%6==0 else '1.00'},2020-0{1+i%9}-01,{reg},{cert},{tr}\n")
PY
dotnet "$first" db migrate --data "$work/seed" >/dev/null
sqlite3 "$work/seed/cadre.db" "INSERT INTO Organisations VALUES ('0193A000-0000-7000-8000-000000000001','Bench Trust','ZZB');"
dotnet "$first" import posts "$work/posts.csv" --data "$work/seed" >/dev/null
for size in 50k 200k; do
  n=0
  for dll in "$@"; do
    n=$((n + 1))
    rm -rf "$work/run" && cp -r "$work/seed" "$work/run"
    /usr/bin/time -v dotnet "$dll" import people "$work/people$size.csv" --data "$work/run" >"$work/out" 2>"$work/time"
    echo "$dll $size: $(tail -n 1 "$work/out") | wall $(grep 'Elapsed' "$work/time" | awk '{print $NF}') | user $(grep 'User time' "$work/time" | awk '{print $NF}') s | max RSS $(grep 'Maximum resident' "$work/time" | awk '{print $NF}') KiB"
  done
done
rm -rf "$work"
