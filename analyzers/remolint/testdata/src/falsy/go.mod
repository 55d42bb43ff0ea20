module falsy

go 1.22
