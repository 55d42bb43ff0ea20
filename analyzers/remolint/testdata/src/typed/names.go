package typed

const skipFlag = "REMOTION_SKIP_AWS_" + "CREDENTIALS_CHECK"
