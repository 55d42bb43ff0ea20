package dotenv

// parseSeeds are hand-written inputs shared by the fuzz target and the
// differential test.
func parseSeeds() []string {
	return []string{
		"A:\nB=1",
		"A='x'\u2028B=2",
		"A=\"x\" \u2028B=2",
		"A=\"a\\\" # c\" trailing",
		"export\nA=1",
		"A\n=1",
		"__proto__=x\nB=1",
		"A=`x\nB=1`",
		"A=\"abc\nB=1\nC=\"x\"",
		"A=\"x\\\"\nB=\"",
		"A=a #b #c",
		"A= #x",
		"export ",
		"$A=1",
		"A=\"x\" \"y",
		"A='x\\'y'",
		"A=\"x\"\"y\"",
		"A=\xe2\x82B\nB=\xff",
		"A=\r\"x\r\"",
		"\ufeff# c\nA=1",
	}
}
