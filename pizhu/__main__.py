"""``python -m pizhu``: the ``pizhu`` command, for when its script is not on PATH."""

from pizhu.cli import main

if __name__ == "__main__":
    main(prog_name="pizhu")
