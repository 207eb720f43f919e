// placeholder source so glob() has something to match
