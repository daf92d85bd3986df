'use strict';
// The Action's post step (action.yml); the code is in action.cjs, shared with the other step.
require('./action.cjs').post();
