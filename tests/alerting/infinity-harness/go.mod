module modelwatch.local/infinity-harness

go 1.26
