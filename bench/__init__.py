"""Speed and memory benches, not run by the tests: ``python -m bench.bench_x`` from the checkout."""
