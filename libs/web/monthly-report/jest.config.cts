module.exports = require('../../../tools/jest/project-config.js').angularProjectConfig(__dirname);
