// Package lambda_go_sdk is a stub of the Remotion Lambda Go SDK's API shape.
package lambda_go_sdk

type RemotionOptions struct{ Region, FunctionName, ServeUrl, Composition string }

type RemotionRenderResponse struct{ RenderId string }

func RenderMediaOnLambda(o RemotionOptions) (*RemotionRenderResponse, error) { return nil, nil }
