'use strict';
// The Action's main step (action.yml); the code is in action.cjs, shared with the other step.
require('./action.cjs').main();
