# logscan: n web-server log lines (built from i, the same in every language) scanned with
# regular expressions: each line matched against the access-log pattern and its fields
# taken, the user ids of API paths searched, and the 5xx statuses found with findall.
# Prints the lines matched, the bytes summed, the sum of user ids and the 5xx count.
import re

def make_lines(n):
    let methods = ["GET", "POST", "GET", "PUT", "GET", "DELETE"]
    let statuses = [200, 200, 200, 404, 500, 301, 200, 503]
    let lines = []
    for i in range(n):
        let ip = f"10.{i % 256}.{(i * 7) % 256}.{(i * 13) % 256}"
        let path = "/page/" + str(i % 97)
        if i % 5 == 0:
            path = f"/api/v{i % 3 + 1}/users/{i % 1000}"
        elif i % 5 == 1:
            path = "/static/app.js"
        let stamp = f"15/Jun/2024:{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d} +0000"
        lines.append(f"{ip} - - [{stamp}] \"{methods[i % 6]} {path} HTTP/1.1\" {statuses[i % 8]} {(i * 37) % 5000}")
    return lines

def main(n):
    let lines = make_lines(n)
    let access = re.compile(r"^(\d+\.\d+\.\d+\.\d+) - - \[([^\]]+)\] \"(GET|POST|PUT|DELETE) (\S+) HTTP/1\.[01]\" (\d{3}) (\d+)$")
    let user = re.compile(r"^/api/v\d+/users/(\d+)$")
    let matched = 0
    let bytes = 0
    let users = 0
    for line in lines:
        let m = access.match(line)
        if m != nil:
            matched += 1
            bytes += int(m.group(6))
            let u = user.match(m.group(4))
            if u != nil:
                users += int(u.group(1))
    let errors = len(re.findall(r"\" 5\d\d ", "\n".join(lines)))
    print(matched, bytes, users, errors)

let n = 200000
if len(argv) > 1:
    n = int(argv[1])
main(n)
