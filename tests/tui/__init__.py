"""App tests: Pilot, snapshots, and the real app in tmux."""
