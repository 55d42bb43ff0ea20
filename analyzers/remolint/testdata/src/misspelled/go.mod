module misspelled

go 1.22
