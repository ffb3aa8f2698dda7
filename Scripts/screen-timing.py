#!/usr/bin/env python3
"""Times the browser from outside, as a person sees it: in a pseudo-terminal of a given size.

  Scripts/screen-timing.py [--size 200x60] [--runs 10] [--keys 10] [--go KEYS] [--cache] [--bin PATH] [FILE]

For each run it starts `yusuan FILE` (release build, LANG=C.UTF-8, TERM=xterm-256color) in a new
pseudo-terminal and measures
  first screen: from spawn to the last byte of the first full screen (and to its first byte:
                what comes before is start-up and reading, what comes after the browser's own), and
  key redraw:   after the keys of --go (into a table), from writing Down (then Up, in turn)
                to the last byte of the redraw it causes.
A screen is complete when the status line's text has arrived and then nothing more comes for
--quiet ms; the time taken is that of the last byte, so the quiet wait is not counted.
Prints min / median / max in ms. Without --cache the file is parsed and checked every run
(--no-cache); with it, a private cache is warmed first.
"""
import argparse, fcntl, os, pty, select, statistics, struct, subprocess, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The status line's key hints: drawn last, on the bottom row, on every document screen.
STATUS_MARKER = "帮助".encode()
# Keys as xterm sends them in keypad (application) mode, which ncurses turns on.
KEYS = {"down": b"\x1bOB", "up": b"\x1bOA", "enter": b"\r", "esc": b"\x1b", "tab": b"\t"}


def read_until_quiet(fd, quiet, marker=None, limit=10.0):
    """Reads until `marker` has been seen (if any) and then `quiet` s pass with no output.
    Returns the times of the first and the last byte."""
    data = b""
    first = last = None
    seen = marker is None
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        wait = quiet if seen else 0.05
        ready, _, _ = select.select([fd], [], [], wait)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            last = time.monotonic()
            first = first or last
            data += chunk
            if not seen and marker in data:
                seen = True
        elif seen and last is not None:
            return first, last
    raise SystemExit(f"no complete screen within {limit} s; got {len(data)} bytes")


def one_run(args, env):
    master, slave = pty.openpty()
    cols, rows = args.width, args.height
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    command = [args.bin, args.file] + ([] if args.cache else ["--no-cache"])
    start = time.monotonic()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
                             pass_fds=(), preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    try:
        opened, end = read_until_quiet(master, args.quiet / 1000, STATUS_MARKER)
        first = ((opened - start) * 1000, (end - start) * 1000)
        for name in filter(None, args.go.split(",")):
            os.write(master, KEYS.get(name, name.encode()))
            read_until_quiet(master, args.quiet / 1000)
        keys = []
        for k in range(args.keys):
            sent = time.monotonic()
            # Down and Up in turn, so every key moves the cursor (and redraws).
            os.write(master, KEYS["down" if k % 2 == 0 else "up"])
            _, end = read_until_quiet(master, args.quiet / 1000)
            keys.append((end - sent) * 1000)
        os.write(master, b"qqq")
        try:
            child.wait(timeout=2)
        except subprocess.TimeoutExpired:
            child.kill()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
    return first, keys


def summary(name, values):
    return (f"{name}: min {min(values):.1f} ms, median {statistics.median(values):.1f} ms, "
            f"max {max(values):.1f} ms ({len(values)} samples)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", default=os.path.join(ROOT, "SampleData/kashgar-city-social-insurance-2023.txt"))
    parser.add_argument("--size", default="200x60")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--keys", type=int, default=10, help="keys timed per run (Down, Up, Down …)")
    parser.add_argument("--go", default="down,down,enter",
                        help="keys sent first, untimed (default: into 表2 收入总体 of the outline)")
    parser.add_argument("--quiet", type=float, default=150, help="ms of silence that ends a screen")
    parser.add_argument("--cache", action="store_true", help="use a private, warmed cache instead of --no-cache")
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/yusuan"))
    args = parser.parse_args()
    args.width, args.height = (int(n) for n in args.size.split("x"))
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "NO_COLOR")}
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
    with tempfile.TemporaryDirectory() as cache_home:
        env["XDG_CACHE_HOME"] = cache_home
        if args.cache:
            one_run(argparse.Namespace(**{**vars(args), "keys": 0}), env)
        opened, firsts, keys = [], [], []
        for _ in range(args.runs):
            first, k = one_run(args, env)
            opened.append(first[0])
            firsts.append(first[1])
            keys += k
    print(f"{os.path.basename(args.file)} at {args.size}, {'warm cache' if args.cache else '--no-cache'}:")
    print("  " + summary("first screen", firsts))
    print("  " + summary("  of which until the terminal opens (first byte)", opened))
    print("  " + summary("  and from then to the screen drawn", [b - a for a, b in zip(opened, firsts)]))
    if keys:
        print("  " + summary(f"key redraw (Down/Up after {args.go or 'no keys'})", keys))


if __name__ == "__main__":
    main()
