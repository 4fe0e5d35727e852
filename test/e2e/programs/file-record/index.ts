import * as pulumi from "@pulumi/pulumi";
import { FileRecord } from "./file-record";

const config = new pulumi.Config();
const record = new FileRecord("record", { dir: config.require("dir"), content: config.require("content") });

export const recordId = record.id;
export const content = record.content;
