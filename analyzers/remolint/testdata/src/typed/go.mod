module typed

go 1.22
