import {renderMediaOnLambda} from '@remotion/lambda/client';

export const render = () =>
	renderMediaOnLambda({
		region: 'us-west-2',
		functionName: 'f',
		serveUrl: 'x',
		composition: 'c',
		codec: 'h264',
	});
