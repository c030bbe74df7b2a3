"""Command line: `newsbrief summarize FILE... [-]`, `newsbrief serve`, `newsbrief eval`. It only translates
between the shell and the library, the service and the evaluation; the environment is read here once."""
from __future__ import annotations

import argparse
import os
import sys

from models import Models
from newsbrief.environment import SettingError, go_offline, model_settings
from summarizer.reading.ingest import InputError, parse_bytes, read_path
from summarizer.reading.limits import BYTES_PER_CHAR, Limits
from summarizer.pipeline import DEFAULT_MODE, DEFAULT_WORDS, MODES, Options, summarize
from summarizer.output.render import RENDERERS

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit code 2, as for any bad input
        self.exit(EXIT_BAD_INPUT, f"newsbrief: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newsbrief", description="One neutral, cited brief from several news articles.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    summarize_cmd = commands.add_parser("summarize", help="summarize articles into one cited brief")
    summarize_cmd.add_argument("inputs", nargs="+", metavar="FILE",
                               help="text, HTML or JSON files; '-' reads standard input")
    summarize_cmd.add_argument("--mode", choices=MODES, default=DEFAULT_MODE,
                               help=f"{DEFAULT_MODE} (default). extractive: source sentences as written, cited "
                                    "(~1 s); abstractive: each sentence other outlets word too rewritten by the "
                                    "local LLM and checked, falling back to the source sentence when a check fails "
                                    "(20-40 s for five articles on 2 cores)")
    summarize_cmd.add_argument("--format", choices=sorted(RENDERERS), default="markdown")
    summarize_cmd.add_argument("--max-words", type=int, default=DEFAULT_WORDS, metavar="N",
                               help=f"length budget of the brief in words (default {DEFAULT_WORDS})")
    summarize_cmd.add_argument("-o", "--output", metavar="PATH", help="write the brief here instead of stdout")
    summarize_cmd.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    serve_cmd = commands.add_parser("serve", help="run the REST service and its web page")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    from eval.cli import add_arguments as add_eval_arguments

    add_eval_arguments(commands.add_parser("eval", help="score systems against reference summaries"))
    return parser


def main(argv: list[str] | None = None) -> int:
    go_offline()
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except SettingError as error:  # a NEWSBRIEF_* variable that cannot be used: one line, as for bad input
        print(f"newsbrief: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        import uvicorn

        from api.app import create_app
        from api.settings import Settings

        uvicorn.run(create_app(Settings.from_env()), host=args.host, port=args.port)
        return 0
    if args.command == "eval":
        from eval.cli import run as run_eval

        return run_eval(args, model_settings())
    say = (lambda message: None) if args.quiet else (lambda message: print(f"newsbrief: {message}…", file=sys.stderr))
    try:
        options = Options(mode=args.mode, max_words=args.max_words)
        if args.output:
            _check_writable(args.output)  # before the work, not after it: a failed write would lose the brief
        documents = []
        limits = Limits()
        for name in args.inputs:
            if name == "-":
                data = sys.stdin.buffer.read(limits.max_request_chars * BYTES_PER_CHAR + 1)
                limits.check_file_size(len(data), "stdin")
                documents += parse_bytes(data, "stdin")
            else:
                if os.path.isfile(name):
                    limits.check_file_size(os.path.getsize(name), name)
                documents += read_path(name)
        limits.check(documents)
        brief = summarize(documents, options, Models(model_settings()), progress=say)
    except InputError as error:
        print(f"newsbrief: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"newsbrief: error: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for warning in brief.warnings:
        print(f"newsbrief: warning: {warning}", file=sys.stderr)
    rendered = RENDERERS[args.format](brief)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(rendered)
        except OSError as error:  # the disk filled, or the folder went, while the brief was made
            print(f"newsbrief: error: {args.output}: {error.strerror}; the brief follows on stdout", file=sys.stderr)
            sys.stdout.write(rendered)
            return EXIT_BAD_INPUT
    else:
        sys.stdout.write(rendered)
    return 0


def _check_writable(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise InputError(path, "is a directory; --output needs a file name")
    if not os.path.isdir(folder):
        raise InputError(path, f"cannot be written: no folder {folder}")
    if not os.access(path if os.path.exists(path) else folder, os.W_OK):
        raise InputError(path, "cannot be written: permission denied")
