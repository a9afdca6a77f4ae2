/**
 * The web console's serving side: its static files and the OpenAPI description of the node's API,
 * served without credentials ({@code ConsoleConfiguration}, {@code ConsoleController}); the data
 * come from the feature APIs, behind authentication.
 */
package dev.bulwark.node.web;
