"""``python -m pizhu``: the same command as ``pizhu``."""

from pizhu.cli import main

main(prog_name="pizhu")
