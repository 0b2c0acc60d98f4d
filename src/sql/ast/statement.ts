/** The statement union: every statement the dialect has. Each ends in `;`. */
import type { CreateSchema, CreateStream, CreateTable, CreateWindow } from './ddl.js';
import type { Delete, InsertSelect, InsertValues, ReplaceSelect, Update } from './dml.js';
import type { Select, Union } from './query.js';
import type { Declare, Describe, Explain, RunScript, SetProperty, Show, Terminate } from './session.js';

export type Statement =
  | CreateSchema
  | CreateStream
  | CreateWindow
  | CreateTable
  | Select
  | Union
  | InsertSelect
  | ReplaceSelect
  | Update
  | Delete
  | InsertValues
  | Declare
  | Explain
  | Show
  | Describe
  | Terminate
  | SetProperty
  | RunScript;

export type StatementKind = Statement['kind'];
