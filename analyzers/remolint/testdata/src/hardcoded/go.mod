module hardcoded

go 1.22
