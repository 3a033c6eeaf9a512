module.exports = require('../../../tools/jest/project-config.js').nodeProjectConfig(__dirname);
