"""The command registry is the one list of commands: the parser, the help and main() all read it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from vislab.cli import main
from vislab.cli.commands import COMMANDS, Command
from vislab.core.errors import VislabError


def _hello_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name")


def _hello(options: argparse.Namespace) -> int:
    if options.name == "nobody":
        raise VislabError("nobody: there is no one to greet")
    print(f"hello {options.name}")
    return 0


@pytest.fixture
def hello() -> Iterator[Command]:
    """A made-up command, registered for one test and removed after it."""
    command = COMMANDS.register(Command("hello", "greet someone (a test's command)", _hello_arguments, _hello))
    yield command
    COMMANDS.unregister(command.id)


@pytest.fixture
def window(monkeypatch) -> list[list[str]]:
    """The paths each opening of the window was given; the window itself is not shown."""
    import vislab.ui.app

    opened: list[list[str]] = []
    monkeypatch.setattr(vislab.ui.app, "run", lambda paths: opened.append(paths) or 0)
    return opened


def test_help_lists_every_registered_command(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    words = " ".join(capsys.readouterr().out.split())  # argparse may wrap a long id onto a line of its own
    for command in COMMANDS:
        assert f" {command.id} {command.help} " in f"{words} ", command.id


@pytest.mark.parametrize("command", COMMANDS.ids())
def test_every_registered_command_has_its_parser(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: vislab {command} ")


def test_a_registered_command_is_reachable_with_no_other_edit(capsys, window, hello, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["hello", "world"]) == 0
    assert capsys.readouterr().out == "hello world\n"
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "greet someone (a test's command)" in capsys.readouterr().out
    assert window == []


def test_a_registered_command_keeps_the_cli_rule_for_mistakes(capsys, hello):
    assert main(["hello", "nobody"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "vislab: nobody: there is no one to greet\n"


def test_a_word_that_names_no_command_is_an_image_for_the_window(window):
    assert "hello" not in COMMANDS
    assert main(["hello", "world"]) == 0
    assert window == [["hello", "world"]]


def test_a_second_command_with_the_same_id_is_refused():
    with pytest.raises(ValueError, match="duplicate command id 'models'"):
        COMMANDS.register(COMMANDS.get("models"))


def test_a_mistyped_command_is_one_line_not_a_window(capsys):
    assert main(["clasify", "cat.jpg"]) == 1
    assert capsys.readouterr().err.strip() == (
        "vislab: unknown command 'clasify'; did you mean classify? (`vislab --help` lists them)")


def test_an_empty_weights_file_name_is_refused(capsys, cat):
    assert main(["compare", str(cat), "--models", "efficientnet_lite0,resnet18", "--weights", "resnet18="]) == 1
    assert capsys.readouterr().err.strip() == "vislab: --weights 'resnet18=' names no file after '='"
