"""CPython's email package on one file: BytesParser(policy=default), then walk
every part reading every header and every (decoded) payload. Prints one JSON line.
Usage: python3 bench/py_email.py <file> <runs>"""
import json
import resource
import sys
import time
from email import policy
from email.parser import BytesParser


def read_all(data):
    msg = BytesParser(policy=policy.default).parsebytes(data)
    headers = parts = 0
    for part in msg.walk():
        parts += 1
        for _name, value in part.items():
            str(value)
            headers += 1
        if not part.is_multipart():
            part.get_payload(decode=True)
    return headers, parts


def median(xs):
    s = sorted(xs)
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    with open(path, 'rb') as f:
        data = f.read()
    times = []
    cpu = []
    try:
        for i in range(runs + 1):
            t0 = time.perf_counter()
            c0 = time.process_time()
            headers, parts = read_all(data)
            if i > 0:
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
    except RecursionError as err:
        print(json.dumps({'error': 'RecursionError: ' + str(err)[:80]}))
        return
    print(json.dumps({
        'median': median(times), 'cpu': median(cpu), 'times': times, 'headers': headers, 'parts': parts,
        'maxRSS': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        'python': sys.version.split()[0],
    }))


main()
